-- wrk: POST a new job per request; job numbers are unique per run, connection and request.
local counter = 0
local run = tostring(os.time())
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local body = string.format('{"job_number":"BENCH-%s-%s-%d","customer":"Bench","due_date":"2031-01-31"}', run, tid or 0, counter)
  return wrk.format("POST", "/api/v1/jobs", {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}, body)
end
