from sip.cli import main

main()
