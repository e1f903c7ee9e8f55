/** Placeholder: this screen is being built. */
export default function TeamView() {
  return <section class="panel" />;
}
