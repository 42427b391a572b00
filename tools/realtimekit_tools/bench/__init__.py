"""Benchmark of the generated client against the official Cloudflare SDK (run with `python -m realtimekit_tools.bench`).

Modules: `bodies` makes response bodies from the OpenAPI document, `touch` reads every value of a parsed
model, `worker` measures one comparison inside its own process, `run` drives the workers and prints the table.
"""
