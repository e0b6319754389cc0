// The build fails at validate with the problem at its place, in Maven's file:[line,column] form,
// the line of the model and the hint under it; a failure (the user's to fix), not an internal error.
String log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains('''\
[ERROR] model/shop.yaml:[8,5] [UnknownKey] `feilds` is not something aggregate `Order` can have.
 8 |     feilds:
   |     ^
 = hint: did you mean `fields`?
''')
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains(':validate (default) on project invalid-model: '
    + 'The model is not valid: 1 error, 0 warnings, 0 notes in 1 file. -> [Help 1]')
assert log.contains('/MojoFailureException')
assert !log.contains('internal error')
return true
