"""What the test suites run the client against: scripted in-process transports and real local servers.

- `transports`: `Script` (answers in order, remembers requests), `Canned` (one answer), `replay_transport`
  (a recording's answer), `json_response`.
- `fault_server`: an HTTP/1.1 server on 127.0.0.1 that resets, stalls and hangs up on cue.
- `soak_server`: the mock server in a process of its own, counting connections and answers, for load.
- `personal_api`: a stand-in for the live API whose answers carry personal data, for the recorder.
- `file_host`: a loopback file host for downloads, remembering who asked.
- `prism`: Prism (from scripts/node) mocking the spec on a free loopback port.
"""
