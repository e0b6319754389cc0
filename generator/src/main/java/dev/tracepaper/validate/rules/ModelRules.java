package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * The rules about the shape of the write and read side: keys, constraints, field copying, flows,
 * views, tests.
 */
public final class ModelRules {

  private ModelRules() {}

  public static List<Rule> all() {
    return List.of(
        // the model and its keys
        new MissingApp(),
        new AggregateWithoutKey(),
        new KeyNotAField(),
        new KeyNotString(),
        new MissingKeySource(),
        new KeySourceNotString(),
        new InvalidUniqueConstraint(),
        // constraints
        new ConstraintNotApplicable(),
        new AutoFillNotOnCommand(),
        new ConstraintNotChecked(),
        new CollectionWithoutKey(),
        new NegativeBound(),
        new InvertedBounds(),
        new DefaultTypeMismatch(),
        new DefaultOutOfRange(),
        new RequiredWithDefault(),
        new NotPositive(),
        // field copying and flows
        new UnfilledEventField(),
        new CopyTypeMismatch(),
        new InvalidTrigger(),
        new EventChangesKey(),
        new StateFieldNeverSet(),
        new EmitsNothing(),
        new EventNeverEmitted(),
        new EventAfterDeletion(),
        // event versions
        new IncompleteEventVersions(),
        new UnknownUpcastField(),
        new UnfilledUpcastField(),
        new RenamedFromClash(),
        new RetiredEventEmitted(),
        new PolicyOnRetiredEvent(),
        // limits AWS imposes
        new TooManyEvents(),
        new EventTooLarge(),
        new TooManyResources(),
        new StackNameCollision(),
        new AwsNameTooLong(),
        // views
        new ViewWithoutSource(),
        new ViewWithTwoSources(),
        new ViewWithoutKey(),
        new MisplacedViewOption(),
        new IncompleteHandler(),
        new HandlerSetsAndDeletes(),
        new HandlerKeyAndKeys(),
        new QueryWithoutIndex(),
        new QueryOptionMisplaced(),
        new InvalidQueryField(),
        new InvalidPrefixQuery(),
        new InvalidCustomQuery(),
        new InvalidRelation(),
        new InvalidApiName(),
        new ApiNameClash(),
        new ViewFieldNeverSet(),
        // tests
        new MissingTest(),
        new TestWithoutExpectation(),
        new ContradictoryExpectation(),
        new UnknownTestEvent(),
        new ViewTestRowKey(),
        new UnexpectedTestField(),
        new WrongTestValue(),
        new MissingTestInput(),
        new TestInputBreaksConstraint(),
        new JsonFromInput(),
        new UnknownErrorCode(),
        new ExpectedEventsDiffer(),
        new ExpectedDeletionDiffers(),
        new StateAfterDeletion(),
        // scenarios
        new UnknownScenarioTarget(),
        new UnknownScenarioVariable(),
        new ScenarioStepCannotPass(),
        new WrongScenarioValue());
  }
}
