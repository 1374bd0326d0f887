from practicecraft.cli import main

main()
