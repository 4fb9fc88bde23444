/**
 * What a long step says while it runs, for the person waiting: each message replaces the
 * last ("Reading data/posts.csv: 3,407,872 rows"). A step may call it as often as it likes;
 * whoever passes it in decides whether, and how often, a message is shown.
 */
export type Progress = (message: string) => void;
