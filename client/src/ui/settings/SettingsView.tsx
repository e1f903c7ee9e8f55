/** Placeholder: this screen is being built. */
export default function SettingsView() {
  return <section class="panel" />;
}
