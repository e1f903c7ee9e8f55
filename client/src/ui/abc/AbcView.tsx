/** Placeholder: this screen is being built. */
export default function AbcView() {
  return <section class="panel" />;
}
