// mvn tracepaper:generate, twice: the first generates the project, the second finds it up to date.
String log = new File(basedir, 'build.log').getText('UTF-8')
File project = new File(basedir, 'generated/library')

['pom.xml', 'template.yaml', 'schema.graphql', 'mvnw', '.tracepaper/manifest.json'].each {
  assert new File(project, it).isFile(): "generated/library/$it"
}
assert new File(basedir, 'target/tracepaper/generate.stamp').isFile()
def generated = log =~ /\[INFO\] Generated into generated\/library: (\d+) created; in \d+ ms\./
assert generated.find()
assert Integer.parseInt(generated.group(1)) > 50
assert log.contains('[INFO] Nothing to generate: generated/library is up to date with the model and'
    + ' the templates (-Dtracepaper.incremental=false generates anyway).')
assert log.indexOf('Generated into') < log.indexOf('Nothing to generate')
assert !log.contains('[ERROR]')
return true
