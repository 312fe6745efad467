-- Shared by the wrk scripts: posts their questions, counts replies with "answered":false per thread and prints the
-- figures, plus one machine-readable RESULT line for scripts/loadtest.
threads = {}
unanswered = 0

-- POST /api/chat with each question in turn, as {"message": ...}; with councils, each question is
-- asked of each council in turn, as {"message": ..., "council": ...}.
function post_questions(questions, councils)
  local bodies = {}
  for _, q in ipairs(questions) do
    if councils then
      for _, c in ipairs(councils) do
        table.insert(bodies, '{"message":"' .. q .. '","council":"' .. c .. '"}')
      end
    else
      table.insert(bodies, '{"message":"' .. q .. '"}')
    end
  end
  local counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  request = function()
    counter = counter + 1
    return wrk.format(nil, "/api/chat", nil, bodies[(counter % #bodies) + 1])
  end
end

setup = function(thread)
  table.insert(threads, thread)
end

response = function(status, headers, body)
  if status == 200 and body and string.find(body, '"answered":false', 1, true) then
    unanswered = unanswered + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  local total_unanswered = 0
  for _, thread in ipairs(threads) do
    total_unanswered = total_unanswered + (thread:get("unanswered") or 0)
  end
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("requests/s: %.0f\n", rps))
  io.write(string.format("latency p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d  non-2xx: %d  socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.requests, errors.status, errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("RESULT rps=%.0f p50=%.3f p99=%.3f requests=%d non2xx=%d errors=%d unanswered=%d\n",
    rps, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, total_unanswered))
end
