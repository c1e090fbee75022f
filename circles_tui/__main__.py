from circles_tui.cli import main

raise SystemExit(main())
