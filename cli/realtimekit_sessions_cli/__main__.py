from realtimekit_sessions_cli import main

main()
