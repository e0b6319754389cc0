// A removed event field breaks the stored events: diff fails the build with the rule's finding at
// its place in the baseline.
String log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains('[ERROR] baseline/shop.yaml:[20,47] [EventFieldsChanged] Order.OrderPlaced.note:'
    + ' String (removed) changes what stored OrderPlaced events hold, and the event is still version 1\n')
assert log.contains(' = hint: declare `version: 2` on OrderPlaced')
assert log.contains(':diff (default) on project diff-breaking: The change since baseline fails'
    + ' failOn=error: 1 error, 0 warnings, 0 notes. -> [Help 1]')
assert log.contains('/MojoFailureException')
return true
