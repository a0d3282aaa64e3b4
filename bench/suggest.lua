-- wrk script: the suggestions server function, as the search box island calls it.
wrk.method = "POST"
wrk.body = "q=gongjijin"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
