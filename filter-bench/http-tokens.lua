-- wrk script: every request carries a bearer token drawn round-robin from a file, one per line.
-- Each wrk thread starts at its own offset so threads do not walk the pool in lock step.
local tokens = {}
local i = 0

function setup(thread)
  thread:set("offset", math.random(1, 1000000))
end

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  i = (offset or 0) % #tokens
end

function request()
  i = i % #tokens + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[i] }) -- the URL's path
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non2xx=%d p50_us=%d p99_us=%d\n", non2xx,
    latency:percentile(50), latency:percentile(99)))
end
