"""Development toolkit of realtimekit-sessions (not shipped to users: it comes with the `dev` extra).

- `spec`: the OpenAPI document, loaded once, and the one `$ref` resolver.
- `routes`: the route table (operation id, method, path template) read from the spec.
- `recording`: the recording format, its type, its one reader and its one writer.
- `contract`: the contract checker; every violation carries a `kind`.
- `coverage`: what the recordings must show of the spec (every property, enum value and null), and bodies made
  from the spec to show it.
- `mock_data`: the local mock's deterministic data set (sessions, participants, peer reports, files).
- `drift`, `record`, `api_diff`, `mock_server`, `demo`, `make_recordings`, `bench`: the tools behind the
  Makefile's targets, each run as `python -m realtimekit_tools.<name>`.
- `testing`: the scripted transports and the local servers the test suites use.
"""
