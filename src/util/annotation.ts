/** A finding placed on a file and line, as a GitHub annotation shows it in a PR diff. */
export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  file?: string;
  line?: number;
}
