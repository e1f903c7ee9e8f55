import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Relation, SEVEN_QUESTIONS, type SevenQuestion } from '../../core/model/index.ts';
import { sevenQuestionsScore } from '../../core/sevenQuestions.ts';

type Answers = Partial<Record<SevenQuestion, boolean>>;
const all = (value: boolean): Answers => Object.fromEntries(SEVEN_QUESTIONS.map((q) => [q, value]));

describe('sevenQuestionsScore', () => {
  it.each<[string, Answers, number, number, SevenQuestion[]]>([
    ['nothing answered', {}, 0, 0, [...SEVEN_QUESTIONS]],
    ['all yes', all(true), 7, 7, []],
    ['all no', all(false), 0, 7, []],
    ['one yes', { dataCurrent: true }, 1, 1, SEVEN_QUESTIONS.filter((q) => q !== 'dataCurrent')],
    ['one no', { helpSucceed: false }, 0, 1, SEVEN_QUESTIONS.filter((q) => q !== 'helpSucceed')],
    ['mixed', { ...all(true), privateSide: false, forwardNews: undefined }, 5, 6, ['forwardNews']],
  ])('%s → %s/7, %s answered', (_label, answers, yes, answered, missing) => {
    expect(sevenQuestionsScore({ sevenQuestions: answers })).toMatchObject({
      yes,
      answered,
      total: 7,
      missing,
    });
  });

  it('lists the questions answered no, in the seed order', () => {
    const s = sevenQuestionsScore({
      sevenQuestions: { helpSucceed: false, dataCurrent: false, knowBusiness: true },
    });
    expect(s.answeredNo).toEqual(['dataCurrent', 'helpSucceed']);
  });

  it('ignores keys that are not one of the seven questions', () => {
    const answers = { ...all(true), extra: true, toString: true } as Answers;
    expect(sevenQuestionsScore({ sevenQuestions: answers })).toMatchObject({ yes: 7, answered: 7 });
  });

  it('yes + no + unanswered is always 7, for any schema-valid answers', () => {
    const arbAnswers = fc.dictionary(
      fc.constantFrom(...SEVEN_QUESTIONS),
      fc.boolean(),
    ) as fc.Arbitrary<Answers>;
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        expect(Relation.shape.sevenQuestions.safeParse(answers).success).toBe(true);
        const s = sevenQuestionsScore({ sevenQuestions: answers });
        expect(s.yes + s.answeredNo.length + s.missing.length).toBe(7);
        expect(s.answered).toBe(Object.keys(answers).length);
        expect(s.yes).toBe(Object.values(answers).filter(Boolean).length);
      }),
    );
  });
});
