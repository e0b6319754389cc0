<#-- The resources of one automation, in the root stack (template.yaml.ftl): its function with a
     role of its own, the queue every trigger sends to, its dead-letter queue, and its trigger (an
     EventBridge rule, a schedule, or a custom resource run by each deployment). The data:
     project.automationResources (AutomationStackData); why each setting is what it is:
     docs/generated-infrastructure.md, Automations. -->
<#import "/lib/stack.ftl" as s>

<#-- `waits`: what a deployment's run waits for, besides its queue's reader. -->
<#macro automation a waits>

  # ---------------------------------------------------------------- automation ${a.functionLogicalId?remove_ending("AutomationFunction")}
  ${a.functionLogicalId}:
    Type: AWS::Serverless::Function
<@s.build/>
    Properties:
      Description: ${yamlString("Runs automation " + a.name)}
      Handler: ${yamlString(a.handler)}
      LoggingConfig:
        LogGroup: !Ref ${a.functionLogicalId}LogGroup
      # E-mail, HTTP (each request at most 20 s) and S3 calls of one run, one after the other.
      Timeout: 60
      Environment:
        Variables:
          # The ledger of the runs' side effects already done, and the commands' store.
          EVENT_STORE_TABLE: !Ref EventStoreTable
          # A failed run delays its own message (backoff)<#if a.trigger == "deployment">; a deployment's request is put here</#if>.
          AUTOMATION_QUEUE_URL: !Ref ${a.queueLogicalId}
      Policies:
<#if a.sendsCommands>
<@s.storeAccess project.stacks.root a.releasesClaims/>
</#if>
        - Version: "2012-10-17"
          Statement:
            # The ledger: which side effects of a run are done, read once and written after each,
            # in the items of this automation only.
            - Effect: Allow
              Action:
                - dynamodb:GetItem
                - dynamodb:UpdateItem
              Resource: !GetAtt EventStoreTable.Arn
              Condition:
                ForAllValues:StringLike:
                  dynamodb:LeadingKeys:
                    - ${yamlString(a.ledgerKeys())}
            # The event source mapping reads the queue with the function's role; a failed run
            # sets its message's visibility (the backoff)<#if a.trigger == "deployment">; a deployment puts its request here</#if>.
            - Effect: Allow
              Action:
                - sqs:ReceiveMessage
                - sqs:DeleteMessage
                - sqs:GetQueueAttributes
                - sqs:ChangeMessageVisibility
<#if a.trigger == "deployment">
                - sqs:SendMessage
</#if>
              Resource: !GetAtt ${a.queueLogicalId}.Arn
<#if a.emailIdentityArns?has_content>
            # Its e-mails' senders, as SES verified them: the address or its domain.
            - Effect: Allow
              Action: ses:SendEmail
              Resource:
<#list a.emailIdentityArns as arn>
                - !Sub ${yamlString(arn)}
</#list>
</#if>
<#if a.objectArns?has_content>
            # Its objects: each bucket under the fixed start of the key.
            - Effect: Allow
              Action: s3:PutObject
              Resource:
<#list a.objectArns as arn>
                - !Sub ${yamlString(arn)}
</#list>
</#if>
<#if a.secretArns?has_content>
            - Effect: Allow
              Action: secretsmanager:GetSecretValue
              Resource:
<#list a.secretArns as arn>
                - !Sub ${yamlString(arn)}
</#list>
</#if>
<#if a.parameterArns?has_content>
            - Effect: Allow
              Action: ssm:GetParameter
              Resource:
<#list a.parameterArns as arn>
                - !Sub ${yamlString(arn)}
</#list>
</#if>
<@s.watch a.functionLogicalId "Automation " + a.name/>

  # Every trigger sends here; the function reads one message at a time, at most 2 at once. A
  # failed run comes back after 30 s, 60 s, 120 s and 240 s (the function sets the visibility),
  # then moves to the dead-letter queue.
  ${a.queueLogicalId}:
    Type: AWS::SQS::Queue
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      # Six times the function's timeout, as AWS advises for a queue a function reads.
      VisibilityTimeout: 360
      SqsManagedSseEnabled: true
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt ${a.deadLetterQueueLogicalId}.Arn
        maxReceiveCount: 5

  ${a.queueMappingLogicalId}:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref ${a.functionLogicalId}.Alias
      EventSourceArn: !GetAtt ${a.queueLogicalId}.Arn
      # A run is slow I/O: one at a time, so that the retry of one repeats no other.
      BatchSize: 1
      FunctionResponseTypes:
        - ReportBatchItemFailures
      ScalingConfig:
        MaximumConcurrency: 2

  ${a.deadLetterQueueLogicalId}:
    Type: AWS::SQS::Queue
    # A dead letter is kept 14 days at most; it need not outlive the stack.
    DeletionPolicy: Delete
    UpdateReplacePolicy: Delete
    Properties:
      MessageRetentionPeriod: 1209600
      SqsManagedSseEnabled: true
<@s.queueAlarm a.deadLetterQueueLogicalId "A run of automation " + a.name + " failed every retry"/>
<#if a.trigger == "event">

  ${a.ruleLogicalId}:
    Type: AWS::Events::Rule
    Properties:
      Description: ${yamlString("Triggers automation " + a.name)}
      EventBusName: !Ref EventBus
      EventPattern:
        source:
          - ${yamlString(a.triggerSource)}
        detail-type:
          - ${yamlString(a.triggerType)}
      Targets:
        - Id: AutomationQueue
          Arn: !GetAtt ${a.queueLogicalId}.Arn
          # Deliveries EventBridge cannot make go to the dead-letter queue.
          RetryPolicy:
            MaximumRetryAttempts: 10
            MaximumEventAgeInSeconds: 3600
          DeadLetterConfig:
            Arn: !GetAtt ${a.deadLetterQueueLogicalId}.Arn

  ${a.queuePolicyLogicalId}:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref ${a.queueLogicalId}
        - !Ref ${a.deadLetterQueueLogicalId}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sqs:SendMessage
            Resource:
              - !GetAtt ${a.queueLogicalId}.Arn
              - !GetAtt ${a.deadLetterQueueLogicalId}.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !GetAtt ${a.ruleLogicalId}.Arn
<#elseif a.trigger == "schedule">

  # The moment it is due is the run's trigger id and its `now`.
  ${a.scheduleLogicalId}:
    Type: AWS::Scheduler::Schedule
    Properties:
      Description: ${yamlString("Triggers automation " + a.name)}
      ScheduleExpression: ${yamlString(a.scheduleExpression)}
      ScheduleExpressionTimezone: ${yamlString(a.scheduleTimezone)}
      FlexibleTimeWindow:
        Mode: "OFF"
      State: ENABLED
      Target:
        Arn: !GetAtt ${a.queueLogicalId}.Arn
        RoleArn: !GetAtt ${a.schedulerRoleLogicalId}.Arn
        Input: '{"schedule":"<aws.scheduler.scheduled-time>"}'
        # Deliveries the scheduler cannot make go to the dead-letter queue.
        RetryPolicy:
          MaximumRetryAttempts: 10
          MaximumEventAgeInSeconds: 3600
        DeadLetterConfig:
          Arn: !GetAtt ${a.deadLetterQueueLogicalId}.Arn

  # The scheduler sends with this role: to the automation's queue and dead-letter queue only.
  ${a.schedulerRoleLogicalId}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: scheduler.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                aws:SourceAccount: !Ref AWS::AccountId
      Policies:
        - PolicyName: SendToAutomationQueue
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: sqs:SendMessage
                Resource:
                  - !GetAtt ${a.queueLogicalId}.Arn
                  - !GetAtt ${a.deadLetterQueueLogicalId}.Arn
<#else>

  # Each deployment that changes the function's code or the model updates this resource, and
  # CloudFormation calls the function, which only puts the request on its queue and answers: the
  # run has the queue's retries, and a failing run neither holds up nor rolls back the deployment.
  # It waits for the rest of the app (the schema, the nested stacks) and its queue's reader.
  ${a.deploymentLogicalId}:
    Type: AWS::CloudFormation::CustomResource
    DependsOn:
<#list waits + [a.queueMappingLogicalId] as wait>
      - ${wait}
</#list>
    Properties:
      ServiceToken: !Ref ${a.functionLogicalId}.Alias
      # An answer that never comes fails the deployment after 5 minutes, not CloudFormation's hour.
      ServiceTimeout: 300
      CodeVersion: !Ref ${a.functionLogicalId}.Version
      ModelFingerprint: ${yamlString(a.fingerprint)}
</#if>
</#macro>
