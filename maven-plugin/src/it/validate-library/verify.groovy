// The library example passes validate and test in the default lifecycle; the reports for CI are
// where the log says.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('--- tracepaper:' + pluginVersion + ':validate (check) @ validate-library ---')
assert log.contains('[INFO] Report: target/tracepaper/validate.sarif')
assert log.contains('[INFO] The model is valid: 0 errors, 0 warnings, 0 notes in 5 files.')
assert log.contains('--- tracepaper:' + pluginVersion + ':test (model-tests) @ validate-library ---')
assert log.contains('[INFO] model/catalog.yaml:[60,13] PASS command `RegisterBook`, test "registers a new book"')
def summary = log =~ /\[INFO\] (\d+) tests: (\d+) passed, 0 failed, 0 not run/
assert summary.find()
assert summary.group(1) == summary.group(2)
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING]')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/tracepaper/validate.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].invocations[0].exitCode == 0
assert sarif.runs[0].results.isEmpty()

def junit = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-tracepaper.xml'))
assert junit.name() == 'testsuites'
def cases = junit.'**'.findAll { it.name() == 'testcase' }
assert cases.size() == Integer.parseInt(summary.group(1))
assert junit.'**'.findAll { it.name() == 'failure' }.isEmpty()
return true
