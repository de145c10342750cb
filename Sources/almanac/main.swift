import AlmanacCLI

Almanac.main()
