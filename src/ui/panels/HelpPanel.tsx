import { useT } from '../i18n'

/** What to try first: the interactions the topology offers. */
export function HelpPanel() {
  const t = useT()
  return (
    <section className="panel panel-help" aria-labelledby="help-panel-title">
      <h2 id="help-panel-title">{t('panel.help.title')}</h2>
      <ul>
        <li>{t('panel.help.crash')}</li>
        <li>{t('panel.help.step')}</li>
        <li>{t('panel.help.speed')}</li>
      </ul>
    </section>
  )
}
