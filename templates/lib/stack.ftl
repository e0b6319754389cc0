<#-- The resources of aggregates, policies and views, shared by the root template (template.yaml)
     and the nested stacks (stacks/<Name>.yaml): `stack` says which one is being written. A nested
     stack receives the root's resources as parameters (templates/stacks/Stack.yaml.ftl): named
     like the root's resource where its Ref is what is needed (EventStoreTable, EventBus: their
     names), else the resource and the attribute (EventStoreTableArn, GraphQLApiId). -->
<#function sub reference><#return "$" + "{" + reference + "}"></#function>
<#function storeArn stack><#return stack.nested()?then("!Ref EventStoreTableArn", "!GetAtt EventStoreTable.Arn")></#function>
<#function apiId stack><#return stack.nested()?then("!Ref GraphQLApiId", "!GetAtt GraphQLApi.ApiId")></#function>
<#function apiArn stack><#return stack.nested()?then("!Ref GraphQLApiArn", "!GetAtt GraphQLApi.Arn")></#function>
<#function bookkeepingArn stack><#return stack.nested()?then("!Ref ViewBookkeepingTableArn", "!GetAtt ViewBookkeepingTable.Arn")></#function>
<#-- A view table's name: the app's stack name, a dot, then the suffix; in a nested stack the root's
     name. The dot, which no stack name holds, gives the view tables a prefix of their own
     (template.yaml.ftl grants the projector that prefix). -->
<#function viewTableName stack suffix><#return "!Sub \"" + sub(stack.nested()?then("AppName", "AWS::StackName")) + "." + suffix + "\""></#function>
<#-- A file of the project: nested templates are in stacks/, one folder down. -->
<#function projectFile stack path><#return stack.nested()?then("../" + path, path)></#function>

<#macro globals stack>
Globals:
  Function:
    Runtime: java21
    # arm64 (Graviton): 20 % less per GB-second; the jar holds no native code (docs/performance.md).
    Architectures:
      - arm64
    # The project's folder. Every function's Metadata says BuildMethod: makefile, so sam build
    # runs the Makefile there: one shaded jar for all, built once, without the tests.
    CodeUri: ${stack.nested()?then("..", ".")}
    MemorySize: 1024
    Timeout: 30
    # SnapStart restores published versions from a snapshot taken after initialisation;
    # the alias always points at the latest published version.
    AutoPublishAlias: live
    SnapStart:
      ApplyOn: PublishedVersions
    # Lines printed as JSON (the runtime's log and its metrics) pass through as they are; Lambda's
    # own lines (START, REPORT) become JSON too. Each function names its log group.
    LoggingConfig:
      LogFormat: JSON
    Tracing: Active
    Environment:
      Variables:
        # Tiered compilation stopped at C1: faster start for short-lived handlers.
        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1
        # The CloudWatch namespace of the runtime's metrics: the app's (root) stack name.
        METRICS_NAMESPACE: ${stack.nested()?then("!Ref AppName", "!Ref AWS::StackName")}
</#macro>

<#-- What watches a function, written after it: its log group (which the function names in
     LoggingConfig, so that Lambda never creates one without a retention: a group named after the
     function would be created by the function's first start, during SnapStart's publication,
     before the stack could create it) and alarms on its errors and throttles. -->
<#macro watch function what>

  ${function}LogGroup:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      LogGroupName: !Sub "/aws/lambda/${sub("AWS::StackName")}/${function}"
      RetentionInDays: !Ref LogRetentionInDays
<@alarm function + "ErrorsAlarm" what + " failed: search its log group for level ERROR (README.md: When an alarm fires)" "AWS/Lambda" "Errors" "FunctionName" "!Ref " + function/>
<@alarm function + "ThrottlesAlarm" what + " was throttled: raise the account's or its reserved concurrency (README.md: When an alarm fires)" "AWS/Lambda" "Throttles" "FunctionName" "!Ref " + function/>
</#macro>

<#-- An alarm, to the alarm topic, when a metric's statistic passes a threshold in a period: by
     default, any count above zero in five minutes. No data is no failure (a function not invoked,
     a queue left empty). -->
<#macro alarm id description namespace metric dimension value statistic="Sum" threshold=0 period=300 periods=1>

  ${id}:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmDescription: ${yamlString(description)}
      Namespace: ${namespace}
      MetricName: ${metric}
      Dimensions:
        - Name: ${dimension}
          Value: ${value}
      Statistic: ${statistic}
      Period: ${period?c}
      EvaluationPeriods: ${periods?c}
      Threshold: ${threshold?c}
      ComparisonOperator: GreaterThanThreshold
      TreatMissingData: notBreaching
      AlarmActions:
        - !Ref AlarmTopic
</#macro>

<#-- A dead-letter queue holds only what failed every retry: one message is worth an alarm. -->
<#macro queueAlarm queue what>
<@alarm queue + "DepthAlarm" what + ": read the message, fix the cause, redrive it (README.md: When an alarm fires)" "AWS/SQS" "ApproximateNumberOfMessagesVisible" "QueueName" "!GetAtt " + queue + ".QueueName" "Maximum"/>
</#macro>

<#-- A stream mapping falls behind when a record keeps failing or the function is throttled: the
     oldest record's age stays above a minute for five minutes. -->
<#macro iteratorAgeAlarm function what>
<@alarm function + "IteratorAgeAlarm" what + " falls behind the event store's stream: see its errors and log (README.md: When an alarm fires)" "AWS/Lambda" "IteratorAge" "FunctionName" "!Ref " + function "Maximum" 60000 60 5/>
</#macro>

<#-- Globals cannot hold Metadata: every function names its build. -->
<#macro build>
    Metadata:
      BuildMethod: makefile
</#macro>

<#-- A policy appends to an aggregate with `unique` constraints: it releases claims too. -->
<#function releasesClaims policy><#return project.aggregates?filter(a -> a.unique?has_content && a.policies?filter(p -> p.name == policy.name)?has_content)?has_content></#function>

<#macro storeAccess stack releases=false>
        - Version: "2012-10-17"
          Statement:
            # Load: the events back to the latest snapshot (Query), an idempotency item
            # (GetItem). Append: one TransactWriteItems of conditional puts, authorised per
            # item as PutItem (DynamoDB has no IAM action for the transaction itself)<#if releases>,
            # and the conditional deletes of unique claims let go (DeleteItem)</#if>.
            - Effect: Allow
              Action:
                - dynamodb:Query
                - dynamodb:GetItem
                - dynamodb:PutItem
<#if releases>
                - dynamodb:DeleteItem
</#if>
              Resource: ${storeArn(stack)}
</#macro>

<#-- A resolver of the root needs its field in the schema; a nested stack as a whole waits for the
     schema (its DependsOn in the root). A unit resolver runs on a data source; a pipeline resolver
     (no dataSource) runs the functions of `functions`, by logical id, in order. -->
<#macro resolver stack logicalId typeName field file comment="" dataSource="" functions=[]>
<#if comment?has_content>

  # ${comment}
<#else>

</#if>
  ${logicalId}:
    Type: AWS::AppSync::Resolver
<#if !stack.nested()>
<#if !comment?has_content>
    # A resolver needs its field in the schema.
</#if>
    DependsOn: GraphQLSchema
</#if>
    Properties:
      ApiId: ${apiId(stack)}
      TypeName: ${typeName}
      FieldName: ${field}
<#if dataSource?has_content>
      DataSourceName: !GetAtt ${dataSource}.Name
      Kind: UNIT
<#else>
      Kind: PIPELINE
      PipelineConfig:
        Functions:
<#list functions as function>
          - !GetAtt ${function}.FunctionId
</#list>
</#if>
      Runtime:
        Name: APPSYNC_JS
        RuntimeVersion: 1.0.0
      CodeS3Location: ${projectFile(stack, file)}
</#macro>

<#macro aggregate stack aggregate>

  # ---------------------------------------------------------------- aggregate ${aggregate.name}
  ${aggregate.functionLogicalId}:
    Type: AWS::Serverless::Function
<@build/>
    Properties:
      Description: ${yamlString("Runs the commands of aggregate " + aggregate.name)}
      Handler: ${yamlString(aggregate.handler)}
      LoggingConfig:
        LogGroup: !Ref ${aggregate.functionLogicalId}LogGroup
      Environment:
        Variables:
          EVENT_STORE_TABLE: !Ref EventStoreTable
      Policies:
<@storeAccess stack aggregate.unique?has_content/>
<@watch aggregate.functionLogicalId "The command function of " + aggregate.name/>

  ${aggregate.dataSourceLogicalId}:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${aggregate.dataSourceLogicalId}
      Type: AWS_LAMBDA
      ServiceRoleArn: !GetAtt ${stack.commandRoleLogicalId}.Arn
      LambdaConfig:
        LambdaFunctionArn: !Ref ${aggregate.functionLogicalId}.Alias
<#list aggregate.commands as command>
<@resolver stack=stack logicalId=command.resolverLogicalId typeName=command.parentType field=command.mutation dataSource=aggregate.dataSourceLogicalId file=command.resolverFile/>
</#list>
</#macro>

<#macro policy stack policy>

  # ---------------------------------------------------------------- policy ${policy.name}
  ${policy.functionLogicalId}:
    Type: AWS::Serverless::Function
<@build/>
    Properties:
      Description: ${yamlString("Runs policy " + policy.name)}
      Handler: ${yamlString(policy.handler)}
      LoggingConfig:
        LogGroup: !Ref ${policy.functionLogicalId}LogGroup
      Environment:
        Variables:
          EVENT_STORE_TABLE: !Ref EventStoreTable
      Policies:
<@storeAccess stack releasesClaims(policy)/>
        - Version: "2012-10-17"
          Statement:
            # The event source mapping reads the policy's queue with the function's role.
            - Effect: Allow
              Action:
                - sqs:ReceiveMessage
                - sqs:DeleteMessage
                - sqs:GetQueueAttributes
              Resource: !GetAtt ${policy.queueLogicalId}.Arn
<@watch policy.functionLogicalId "The function of policy " + policy.name/>

  ${policy.ruleLogicalId}:
    Type: AWS::Events::Rule
    Properties:
      Description: ${yamlString("Triggers policy " + policy.name)}
      EventBusName: !Ref EventBus
      EventPattern:
        source:
          - ${yamlString(policy.triggerSource)}
        detail-type:
          - ${yamlString(policy.triggerType)}
      Targets:
        - Id: PolicyQueue
          Arn: !GetAtt ${policy.queueLogicalId}.Arn
          # Deliveries EventBridge cannot make go to the dead-letter queue.
          RetryPolicy:
            MaximumRetryAttempts: 10
            MaximumEventAgeInSeconds: 3600
          DeadLetterConfig:
            Arn: !GetAtt ${policy.deadLetterQueueLogicalId}.Arn

  # The bus sends the policy's events here, and the function reads them at most 2 invocations at
  # a time: a burst of events for one aggregate does not run out of the runner's attempts on its
  # version (docs/reliability.md). A delivery that fails (a rule, NOT_FOUND, CONFLICT) is seen
  # again after the visibility timeout, 4 more times, then moves to the dead-letter queue; the
  # events behind it are not held up.
  ${policy.queueLogicalId}:
    Type: AWS::SQS::Queue
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      # Six times the function's timeout, as AWS advises for a queue a function reads.
      VisibilityTimeout: 180
      SqsManagedSseEnabled: true
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt ${policy.deadLetterQueueLogicalId}.Arn
        maxReceiveCount: 5

  ${policy.queueMappingLogicalId}:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref ${policy.functionLogicalId}.Alias
      EventSourceArn: !GetAtt ${policy.queueLogicalId}.Arn
      BatchSize: 10
      # The handler names the deliveries that failed; the others of the batch are done.
      FunctionResponseTypes:
        - ReportBatchItemFailures
      ScalingConfig:
        MaximumConcurrency: 2

  ${policy.deadLetterQueueLogicalId}:
    Type: AWS::SQS::Queue
    # A dead letter is kept 14 days at most; it need not outlive the stack.
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      MessageRetentionPeriod: 1209600
      SqsManagedSseEnabled: true
<@queueAlarm policy.deadLetterQueueLogicalId "An event of policy " + policy.name + " failed every retry"/>

  ${policy.queuePolicyLogicalId}:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref ${policy.queueLogicalId}
        - !Ref ${policy.deadLetterQueueLogicalId}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sqs:SendMessage
            Resource:
              - !GetAtt ${policy.queueLogicalId}.Arn
              - !GetAtt ${policy.deadLetterQueueLogicalId}.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !GetAtt ${policy.ruleLogicalId}.Arn
</#macro>

<#-- The functions a query or relation into `view` runs: which generation is live, then the read of
     each generation's table, of which only the live one makes a request. -->
<#function readFunctions stack view>
<#assign ids = [stack.generationFunctionLogicalId]>
<#list view.generations as generation><#assign ids = ids + [generation.functionLogicalId]></#list>
<#return ids>
</#function>

<#macro view stack view>

  # ---------------------------------------------------------------- view ${view.name}
  # Two tables, blue and green, alike: readers read the one the view's item in the bookkeeping
  # table names live (blue until a rebuild says otherwise); a rebuild fills the other, switches
  # the item in one write, then empties the old one. So no reader sees a half-built view.
<#list view.generations as generation>
  ${generation.tableLogicalId}:
    Type: AWS::DynamoDB::Table
    # A view is rebuilt from the event store (RebuildFunction): deleting the stack may drop it.
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      TableName: ${viewTableName(stack, generation.tableSuffix)}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
<#list view.keyAttributes() as attribute>
        - AttributeName: ${yamlString(attribute.name)}
          AttributeType: ${attribute.type}
</#list>
      KeySchema:
        - AttributeName: ${yamlString(view.keyField)}
          KeyType: HASH
<#if view.indexes?has_content>
      GlobalSecondaryIndexes:
<#list view.indexes as index>
        - IndexName: ${yamlString(index.name)}
          KeySchema:
            - AttributeName: ${yamlString(index.hashKey)}
              KeyType: HASH
<#if index.rangeKey?has_content>
            - AttributeName: ${yamlString(index.rangeKey)}
              KeyType: RANGE
</#if>
          # Queries return whole rows: every attribute is copied into the index.
          Projection:
            ProjectionType: ALL
</#list>
</#if>
      # Rows past the view's retention, and the tombstones of deleted rows, expire.
      TimeToLiveSpecification:
        AttributeName: _expiresAt
        Enabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true

</#list>
<#assign batchRead = stack.relations?filter(site -> site.relation.target == view.name && site.relation.kind == "REFS")?has_content>
  # AppSync reads the view with this role: GetItem, Query and Scan on its two tables and their
  # indexes<#if batchRead>, BatchGetItem for the relations that list its keys</#if>, for this API only.
  ${view.dataSourceLogicalId}Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: appsync.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              ArnEquals:
                aws:SourceArn: ${apiArn(stack)}
      Policies:
        - PolicyName: ReadView
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - dynamodb:GetItem
                  - dynamodb:Query
                  - dynamodb:Scan
<#if batchRead>
                  - dynamodb:BatchGetItem
</#if>
                Resource:
<#list view.generations as generation>
                  - !GetAtt ${generation.tableLogicalId}.Arn
<#if view.indexes?has_content>
                  - !Sub "${sub(generation.tableLogicalId + ".Arn")}/index/*"
</#if>
</#list>
<#list view.generations as generation>

  ${generation.dataSourceLogicalId}:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${generation.dataSourceLogicalId}
      Type: AMAZON_DYNAMODB
      ServiceRoleArn: !GetAtt ${view.dataSourceLogicalId}Role.Arn
      DynamoDBConfig:
        TableName: !Ref ${generation.tableLogicalId}
        AwsRegion: !Ref AWS::Region

  # Runs a query's or relation's request on the ${generation.colour} table when it is the live one.
  ${generation.functionLogicalId}:
    Type: AWS::AppSync::FunctionConfiguration
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${generation.functionLogicalId}
      DataSourceName: !GetAtt ${generation.dataSourceLogicalId}.Name
      Runtime:
        Name: APPSYNC_JS
        RuntimeVersion: 1.0.0
      CodeS3Location: ${projectFile(stack, generation.functionFile)}
</#list>
<#list view.queries as query>
<@resolver stack=stack logicalId=query.resolverLogicalId typeName=query.parentType field=query.field functions=readFunctions(stack, view) file=query.resolverFile/>
</#list>
<#if view.subscription.enabled>

  # The view's internal mutation ${view.subscription.mutation}: it reads and writes
  # nothing, it hands the projector's change on to the subscribers of
  # ${view.subscription.subscription}.
  ${view.subscription.dataSourceLogicalId}:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${view.subscription.dataSourceLogicalId}
      Type: NONE
<@resolver stack=stack logicalId=view.subscription.resolverLogicalId typeName="Mutation" field=view.subscription.mutation dataSource=view.subscription.dataSourceLogicalId file=view.subscription.resolverFile/>
<#if view.subscription.keyed>
<@resolver stack=stack logicalId=view.subscription.subscribeResolverLogicalId typeName="Subscription" field=view.subscription.subscription dataSource=view.subscription.dataSourceLogicalId file=view.subscription.subscribeResolverFile comment="Who may subscribe to " + view.subscription.subscription + ": the get query's check, with the key subscribed to."/>
</#if>
</#if>
</#macro>

<#-- A relation's resolver reads with the functions of the view it leads to, so it is written where
     that view is. -->
<#macro relation stack site>
<#assign target = stack.views?filter(v -> v.name == site.relation.target)?first>
<@resolver stack=stack logicalId=site.relation.resolverLogicalId typeName=site.view.name field=site.relation.field functions=readFunctions(stack, target) file=site.relation.resolverFile comment=site.view.name + "." + site.relation.field + " reads the rows of " + site.relation.target + ", with its functions."/>
</#macro>

<#-- Which generation of each view of the stack is live: one item per view in the bookkeeping table,
     read first by every query and relation resolver of the stack. -->
<#macro viewGenerations stack>
<#if stack.views?has_content>

  # AppSync reads which generation of a view is live with this role: GetItem on the bookkeeping
  # table's items of partition key "rebuild" only, for this API only.
  ${stack.generationDataSourceLogicalId}Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: appsync.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              ArnEquals:
                aws:SourceArn: ${apiArn(stack)}
      Policies:
        - PolicyName: ReadViewGenerations
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: dynamodb:GetItem
                Resource: ${bookkeepingArn(stack)}
                Condition:
                  ForAllValues:StringEquals:
                    dynamodb:LeadingKeys:
                      - rebuild

  ${stack.generationDataSourceLogicalId}:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${stack.generationDataSourceLogicalId}
      Type: AMAZON_DYNAMODB
      ServiceRoleArn: !GetAtt ${stack.generationDataSourceLogicalId}Role.Arn
      DynamoDBConfig:
        TableName: !Ref ViewBookkeepingTable
        AwsRegion: !Ref AWS::Region

  # The first function of every query and relation resolver of the stack.
  ${stack.generationFunctionLogicalId}:
    Type: AWS::AppSync::FunctionConfiguration
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${stack.generationFunctionLogicalId}
      DataSourceName: !GetAtt ${stack.generationDataSourceLogicalId}.Name
      Runtime:
        Name: APPSYNC_JS
        RuntimeVersion: 1.0.0
      CodeS3Location: ${projectFile(stack, stack.generationFunctionFile)}
</#if>
</#macro>

<#-- AppSync calls the stack's command functions with this role: it may invoke their aliases,
     nothing else. -->
<#macro commandRole stack>
<#if stack.commandAggregates()?has_content>

  # AppSync calls the command functions with this role: it may invoke their aliases, nothing else.
  ${stack.commandRoleLogicalId}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: appsync.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              ArnEquals:
                aws:SourceArn: ${apiArn(stack)}
      Policies:
        - PolicyName: InvokeCommandFunctions
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: lambda:InvokeFunction
                Resource:
<#list stack.commandAggregates() as aggregate>
                  - !Ref ${aggregate.functionLogicalId}.Alias
</#list>
</#if>
</#macro>
