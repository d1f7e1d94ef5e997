from sip.entry import main

main()
