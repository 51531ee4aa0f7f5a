import { useT } from '../i18n';

/**
 * Expandable help. `helpHtml` is rendered by the server from Markdown with raw HTML escaped and unsafe links
 * removed, so it is the only HTML this UI ever inserts; without it the Markdown source is shown as text.
 */
export function HelpText({ id, help, helpHtml }: { id: string; help?: string; helpHtml?: string }) {
  const t = useT();
  if (!help && !helpHtml) return null;
  return (
    <details className="help">
      <summary>{t('form.help')}</summary>
      {helpHtml ? (
        <div id={id} className="help-body" dangerouslySetInnerHTML={{ __html: helpHtml }} />
      ) : (
        <div id={id} className="help-body">
          {help}
        </div>
      )}
    </details>
  );
}
