-- wrk script: POST /api/chat with a mix of questions (in scope, misspelt, out of scope, small talk).
local questions = {
  "what does co-production mean", "wat is coproducshun", "will ppl listen 2 me", "can i have a break",
  "what are the four cornerstones", "tell me about communicate", "is it ok to disagree", "will staff be sarcastic",
  "how do i bake bread", "what time is the bus", "hello", "thanks", "who are you", "do you use pictures",
  "My son is autistic and hates meetings, what does the charter say about breaks?", "asdfghjkl",
}
local bodies = {}
for i, q in ipairs(questions) do
  bodies[i] = '{"message":"' .. q .. '"}'
end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/chat", nil, bodies[(counter % #bodies) + 1])
end

dofile("scripts/load/report.lua")
