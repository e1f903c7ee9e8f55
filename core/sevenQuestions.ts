/**
 * Seed 004's seven questions per relation (DOMAIN.md §5), scored x/7. An unanswered question counts as
 * "no" in the score — you can only claim what you answered yes to — but the result says which ones are
 * still unanswered, so the UI can tell "no" apart from "not asked yet".
 */
import { SEVEN_QUESTIONS, type Relation, type SevenQuestion } from './model/index.ts';

export interface SevenQuestionsScore {
  /** Questions answered yes: the score. */
  yes: number;
  /** Questions answered yes or no. */
  answered: number;
  total: 7;
  /** Unanswered questions, in the seed's order. */
  missing: SevenQuestion[];
  /** Questions answered no, in the seed's order: what to work on. */
  answeredNo: SevenQuestion[];
}

/** The score of a relation's seven questions; keys outside the seven are ignored. */
export function sevenQuestionsScore(relation: Pick<Relation, 'sevenQuestions'>): SevenQuestionsScore {
  const answers = relation.sevenQuestions;
  const missing: SevenQuestion[] = [];
  const answeredNo: SevenQuestion[] = [];
  let yes = 0;
  for (const q of SEVEN_QUESTIONS) {
    const a = Object.hasOwn(answers, q) ? answers[q] : undefined;
    if (a === true) yes++;
    else if (a === false) answeredNo.push(q);
    else missing.push(q);
  }
  return { yes, answered: SEVEN_QUESTIONS.length - missing.length, total: 7, missing, answeredNo };
}
