-- wrk script: POST /api/chat to a server answering for two councils, each request naming one.
local questions = {
  "explain coproduction to me", "wil ppl lisen 2 me", "what are the values", "tell me about the four parts",
  "whats the weather like tomorrow", "hiya", "will they respect my views", "qwertyuiop",
}

dofile("scripts/load/report.lua")
post_questions(questions, { "stoke-on-trent", "bcp" })
