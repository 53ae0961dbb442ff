/**
 * The cost model's numbers (estimate.ts), measured on Norrköping (graph/)
 * and on the national set (290 synthetic municipalities, seed 7). The
 * calibration — how each number was measured — is in CALIBRATION.md beside
 * this file.
 */

/** Expected lengths of the lists whose length only the data can tell. */
export const LIST_SIZES = {
  /** `relations` of one entity asked alone: a hub (Kommunstyrelsen: 49; the national Kommunförbundet: 290). */
  relationsOfOne: 50,
  /** `relations` of each of many entities: Σdeg²/Σdeg, the relations a relation's end has on average (14.3 Norrköping, 12.8 national). */
  relationsOfEach: 15,
  /** A neighbourhood's entities at depth 1, growing by this factor a level (p95: 14/16, 66/58, 79/378, 80/834). */
  neighbourhoodFirstLevel: 16,
  neighbourhoodGrowth: 4,
  /** Relations per entity of a neighbourhood or highlight (1.5–2.4 measured). */
  edgesPerNode: 2.5,
  /** A tour step's highlight. */
  otherSubgraphNodes: 30,
  decisionAreasOfActor: 16,
  provisionsOfDocument: 40,
  /** Changes: about one dated entity or relation in a hundred (26 of 528 Norrköping, 335 of 77,819 national), and never few. */
  changesPerRecord: 0.01,
  changesAtLeast: 50,
  /** Any list not named here. */
  otherList: 10,
  fields: {
    'OrgChart.entries': 50,
    'DecisionArea.participants': 6,
    'Actor.participations': 16,
    'Provision.citedBy': 30,
    'Provision.answers': 5,
    'SourceDocument.provisions': 40,
    'GlossaryTerm.related': 5,
    'Change.related': 2,
    'Query.tours': 10,
    'Tour.steps': 12,
    'QuizQuestion.options': 4,
  } as Record<string, number>,
};

/** Work beyond reading, in records (the time one list item costs the executor). */
export const WORK = {
  search: 20,
  searchPerWord: 40,
  shortestPathsPerHop: 10,
  allPathsPerHop: 40,
  /** A store traversal (neighbourhood, graph) per entity or relation it walks. */
  traversalPerRecord: 0.2,
  /** A quiz question drawn or checked: its exclusions (a few short walks) and its options. */
  quizQuestion: 10,
  /** The rule checks per entity and relation of what they read (the whole data set, or one municipality's scope). */
  rulesPerRecord: 0.05,
  fields: {
    'Relation.sentence': 2,
    'Change.description': 2,
    'Path.explanation': 10,
    'DecisionArea.summary': 5,
    'QuizOption.feedback': 4,
    'QuizAnswer.explanation': 4,
  } as Record<string, number>,
};
