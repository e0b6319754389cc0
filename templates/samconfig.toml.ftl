<#-- SAM CLI settings, one environment per stage. A stub: `sam deploy --guided` saves its answers
     in this file, so it is created once and then the user's (Layout.STUBS). The app name is
     kebab-case ASCII (validated), and a JSON string is a valid TOML basic string for such text. -->
<#macro stage environment stack confirm>
[${environment}.global.parameters]
stack_name = ${jsonString(stack)}

[${environment}.build.parameters]
cached = true

[${environment}.deploy.parameters]
capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"
resolve_s3 = true
s3_prefix = ${jsonString(stack)}
confirm_changeset = ${confirm?c}
</#macro>
# Created by Tracepaper from the model of ${project.name}, once: this file is yours, regeneration
# never changes it. `sam deploy --guided --config-env dev` saves its answers (the region) here.
#
# One environment per stage, each its own stack: dev (also the default, so that a bare `sam
# deploy` never reaches production) and prod. Another stage, a pull request's say, is a copy of
# the dev sections under its own name and stack name. Nested stacks (one per subdomain) hold the
# SAM transform too, which CloudFormation expands only with CAPABILITY_AUTO_EXPAND.
version = 0.1

<@stage "default" project.name + "-dev" false/>

<@stage "dev" project.name + "-dev" false/>

<@stage "prod" project.name + "-prod" true/>
