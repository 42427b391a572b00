from realtimekit_sessions_cli.app import main

main()
