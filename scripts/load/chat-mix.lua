-- wrk script: POST /api/chat with a mix of questions (in scope, misspelt, out of scope, small talk).
local questions = {
  "explain coproduction to me", "wat is co producshun", "wil ppl lisen 2 me", "can i hav a brake",
  "tell me about the four parts", "how will you keep me updated", "is it ok to say no", "will they respect my views",
  "whats the weather like tomorrow", "how do i make pancakes", "hiya", "cheers that helped", "are you a robot",
  "what happens if i dont understand a word",
  "My daughter gets overwhelmed in big meetings, is there anything in the charter about taking a pause?", "qwertyuiop",
}

dofile("scripts/load/report.lua")
post_questions(questions)
