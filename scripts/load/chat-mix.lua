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

done = function(summary, latency, requests)
  local errors = summary.errors
  local non2xx = errors.status
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d  non-2xx: %d  socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.requests, non2xx, errors.connect, errors.read, errors.write, errors.timeout))
end
