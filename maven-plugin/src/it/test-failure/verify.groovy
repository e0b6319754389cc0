// A test of the model that fails fails the build at test: the test at its place, each difference at
// the place the model wrote the expectation, expected and actual below it.
String log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains('''\
[ERROR] model/shop.yaml:[38,13] FAIL command `PlaceOrder`, test "places an order"
[ERROR] model/shop.yaml:[41,39] event 1 (OrderPlaced): `total`
  expected: 6
  actual:   5
''')
assert log.contains('[INFO] model/shop.yaml:[47,13] PASS command `ShipOrder`, test "ships an order"')
assert log.contains(':test (default) on project test-failure: '
    + '4 tests: 3 passed, 1 failed, 0 not run (hand-written code) (')
assert log.contains('/MojoFailureException')
return true
