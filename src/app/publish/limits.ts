/** Longest `output.summary` / `output.text` of a check run. */
export const CHECK_TEXT_MAX = 65_535;
/** Longest issue or review comment body. */
export const COMMENT_MAX = 65_536;
/** Annotations accepted per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Longest annotation message (64 KiB) and title. */
export const ANNOTATION_MESSAGE_MAX = 65_535;
export const ANNOTATION_TITLE_MAX = 255;
/** Review comments posted per run; the rest are counted in the review. */
export const REVIEW_COMMENTS_MAX = 50;
