// A new enum value is a compatible change: diff passes, and its summary counts the note.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[INFO] The change since baseline passes failOn=error: 0 errors, 0 warnings,'
    + ' 1 note (-Dtracepaper.diff.verbose shows the notes: the compatible changes).')
assert !log.contains('[ERROR]')
assert !log.contains('ElementAdded')
return true
