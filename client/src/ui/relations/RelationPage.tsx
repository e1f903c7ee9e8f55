/** Placeholder: this screen is being built. */
export default function RelationPage() {
  return <section class="panel" />;
}
