"""Development toolkit of realtimekit-sessions (not shipped to users: it comes with the `dev` extra).

- `spec`: the OpenAPI document, loaded once, and the one `$ref` resolver.
- `routes`: the route table (operation id, method, path template) read from the spec.
- `recording`: the recording format, its type, its one reader and its one writer.
- `contract`: the contract checker; every violation carries a `kind`.
- `drift`, `record`, `api_diff`, `mock_server`, `demo`, `make_recordings`, `bench`: the tools behind the
  Makefile's targets, each run as `python -m realtimekit_tools.<name>`.
- `testing`: the scripted transports and the local servers the test suites use.
"""
