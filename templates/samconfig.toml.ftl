<#-- SAM CLI settings, one environment per stage. A stub: `sam deploy --guided` saves its answers
     in this file, so it is created once and then the user's (Layout.STUBS). The app name is
     kebab-case ASCII (validated), and a JSON string is a valid TOML basic string for such text. -->
<#macro stage environment name confirm>
<#local stack = project.name + "-" + name>
[${environment}.global.parameters]
stack_name = ${jsonString(stack)}

[${environment}.build.parameters]
cached = true

[${environment}.deploy.parameters]
capabilities = "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"
resolve_s3 = true
s3_prefix = ${jsonString(stack)}
confirm_changeset = ${confirm?c}
parameter_overrides = ${jsonString("Stage=" + name)}
tags = ${jsonString("app=" + project.name + " stage=" + name)}
</#macro>
# Created by Tracepaper from the model of ${project.name}, once: this file is yours, regeneration
# never changes it. `sam deploy --guided --config-env dev` saves its answers (the region) here.
#
# One environment per stage, each its own stack: dev (also the default, so that a bare `sam
# deploy` never reaches production) and prod. Another stage, a pull request's say, is a copy of
# the dev sections under its own name, stack name, Stage and tag. The template's Stage parameter
# says which stage a stack is (prod protects the event store and the user pool from deletion);
# the stack's tags, which CloudFormation copies to every resource that takes tags, allocate the
# costs. Nested stacks (one per subdomain) hold the SAM transform too, which CloudFormation
# expands only with CAPABILITY_AUTO_EXPAND.
version = 0.1

<@stage "default" "dev" false/>

<@stage "dev" "dev" false/>

<@stage "prod" "prod" true/>
