<#-- The resources of aggregates, policies and views, shared by the root template (template.yaml)
     and the nested stacks (stacks/<Name>.yaml): `stack` says which one is being written. A nested
     stack receives the root's resources as parameters (templates/stacks/Stack.yaml.ftl): named
     like the root's resource where its Ref is what is needed (EventStoreTable, EventBus: their
     names), else the resource and the attribute (EventStoreTableArn, GraphQLApiId). -->
<#function sub reference><#return "$" + "{" + reference + "}"></#function>
<#function storeArn stack><#return stack.nested()?then("!Ref EventStoreTableArn", "!GetAtt EventStoreTable.Arn")></#function>
<#function apiId stack><#return stack.nested()?then("!Ref GraphQLApiId", "!GetAtt GraphQLApi.ApiId")></#function>
<#function apiArn stack><#return stack.nested()?then("!Ref GraphQLApiArn", "!GetAtt GraphQLApi.Arn")></#function>
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
    Architectures:
      - x86_64
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
    Environment:
      Variables:
        # Tiered compilation stopped at C1: faster start for short-lived handlers.
        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1
</#macro>

<#-- Globals cannot hold Metadata: every function names its build. -->
<#macro build>
    Metadata:
      BuildMethod: makefile
</#macro>

<#macro storeAccess stack>
        - Version: "2012-10-17"
          Statement:
            # Load: the events back to the latest snapshot (Query), an idempotency item
            # (GetItem). Append: one TransactWriteItems of conditional puts, authorised per
            # item as PutItem (DynamoDB has no IAM action for the transaction itself).
            - Effect: Allow
              Action:
                - dynamodb:Query
                - dynamodb:GetItem
                - dynamodb:PutItem
              Resource: ${storeArn(stack)}
</#macro>

<#-- A resolver of the root needs its field in the schema; a nested stack as a whole waits for the
     schema (its DependsOn in the root). -->
<#macro resolver stack logicalId typeName field dataSource file comment="">
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
      DataSourceName: !GetAtt ${dataSource}.Name
      Kind: UNIT
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
      Environment:
        Variables:
          EVENT_STORE_TABLE: !Ref EventStoreTable
      Policies:
<@storeAccess stack/>

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
<@resolver stack command.resolverLogicalId "Mutation" command.mutation aggregate.dataSourceLogicalId command.resolverFile/>
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
      Environment:
        Variables:
          EVENT_STORE_TABLE: !Ref EventStoreTable
      Policies:
<@storeAccess stack/>
      # EventBridge invokes asynchronously: a flow that fails (a rule, NOT_FOUND) is retried,
      # then its event goes to the dead-letter queue without blocking the events behind it.
      # SAM adds sqs:SendMessage on that queue to the function's role.
      EventInvokeConfig:
        MaximumRetryAttempts: 2
        MaximumEventAgeInSeconds: 3600
        DestinationConfig:
          OnFailure:
            Type: SQS
            Destination: !GetAtt ${policy.deadLetterQueueLogicalId}.Arn

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
        - Id: PolicyFunction
          Arn: !Ref ${policy.functionLogicalId}.Alias
          # Deliveries EventBridge cannot make go to the same dead-letter queue.
          RetryPolicy:
            MaximumRetryAttempts: 10
            MaximumEventAgeInSeconds: 3600
          DeadLetterConfig:
            Arn: !GetAtt ${policy.deadLetterQueueLogicalId}.Arn

  ${policy.permissionLogicalId}:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref ${policy.functionLogicalId}.Alias
      Principal: events.amazonaws.com
      SourceArn: !GetAtt ${policy.ruleLogicalId}.Arn

  ${policy.deadLetterQueueLogicalId}:
    Type: AWS::SQS::Queue
    # A dead letter is kept 14 days at most; it need not outlive the stack.
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      MessageRetentionPeriod: 1209600
      SqsManagedSseEnabled: true

  ${policy.deadLetterQueuePolicyLogicalId}:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref ${policy.deadLetterQueueLogicalId}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sqs:SendMessage
            Resource: !GetAtt ${policy.deadLetterQueueLogicalId}.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !GetAtt ${policy.ruleLogicalId}.Arn
</#macro>

<#macro view stack view>

  # ---------------------------------------------------------------- view ${view.name}
  ${view.tableLogicalId}:
    Type: AWS::DynamoDB::Table
    # A view is rebuilt from the event store (RebuildFunction): deleting the stack may drop it.
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      TableName: ${viewTableName(stack, view.tableSuffix)}
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

  # AppSync reads the view with this role: GetItem, Query and Scan on its table and indexes,
  # for this API only.
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
                Resource:
                  - !GetAtt ${view.tableLogicalId}.Arn
<#if view.indexes?has_content>
                  - !Sub "${sub(view.tableLogicalId + ".Arn")}/index/*"
</#if>

  ${view.dataSourceLogicalId}:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: ${apiId(stack)}
      Name: ${view.dataSourceLogicalId}
      Type: AMAZON_DYNAMODB
      ServiceRoleArn: !GetAtt ${view.dataSourceLogicalId}Role.Arn
      DynamoDBConfig:
        TableName: !Ref ${view.tableLogicalId}
        AwsRegion: !Ref AWS::Region
<#list view.queries as query>
<@resolver stack query.resolverLogicalId "Query" query.field view.dataSourceLogicalId query.resolverFile/>
</#list>
</#macro>

<#-- A relation's resolver reads with the data source of the view it leads to, so it is written
     where that view is. -->
<#macro relation stack site>
<@resolver stack site.relation.resolverLogicalId site.view.name site.relation.field site.relation.targetDataSourceLogicalId site.relation.resolverFile site.view.name + "." + site.relation.field + " reads the rows of " + site.relation.target + ", with its data source."/>
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
