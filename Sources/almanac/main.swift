import AlmanacCLI

Almanac.installSignalHandlers()
Almanac.main()
