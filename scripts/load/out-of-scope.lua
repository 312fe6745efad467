-- wrk script: POST /api/chat with questions the charter cannot answer only, so every reply is
-- logged as unanswered; report.lua counts the replies with "answered":false.
local questions = {
  "how do i bake bread", "what time is the bus", "who won the darts", "is it going to rain",
  "can you fix my laptop", "what is the best pizza topping", "how tall is a giraffe", "where can i buy trainers",
  "what channel is the match on", "how do i tie a tie", "recommend a film", "what is 9 times 8",
  "how far is the moon", "can you order a taxi", "best minecraft seed", "how old is the queen",
}

dofile("scripts/load/report.lua")
post_questions(questions)
