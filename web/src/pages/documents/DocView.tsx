import type { ReactNode } from 'react';
import type { CaseDocument, Segment } from '@shared/documents/texts.ts';
import '../cases/print-docs.css';

/**
 * A document of shared/documents/texts.ts as the A4 print page: the same data the server draws as
 * PDF, so the paper and the archived PDF say the same words. `qr` is the drawn QR image, if any.
 */
export function DocView({ doc, qr, qrSize = 120 }: { doc: CaseDocument; qr?: string; qrSize?: number }) {
  const segments = (s: Segment[]): ReactNode[] =>
    s.map((x, i) => (typeof x === 'string' ? <span key={i}>{x}</span> : <span key={i} className={x.blank === 'long' ? 'blank' : 'blank short'} />));
  return (
    <article className="doc" data-testid="doc" data-kind={doc.kind}>
      <h1>
        {doc.heading.map((h, i) => (
          <span key={i}>
            {i > 0 && <br />}
            {h}
          </span>
        ))}
      </h1>
      <p className="doc-no">编号：{doc.number}</p>
      {doc.blocks.map((b, i) => {
        if (b.kind === 'p')
          return (
            <p key={i} className={b.role === 'reason' ? 'doc-reason' : undefined} data-testid={b.role === 'legal-remedy' ? 'legal-remedy' : undefined}>
              {b.text}
            </p>
          );
        if (b.kind === 'ol')
          return (
            <ol key={i}>
              {b.items.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
          );
        const pairs = Math.max(...b.rows.map((r) => r.length));
        return (
          <table key={i} className="doc-table">
            <tbody>
              {b.rows.map((row, j) => (
                <tr key={j}>
                  {row.map((c) => [
                    <th key={`h${c.th}`}>{c.th}</th>,
                    <td key={`d${c.th}`} colSpan={c.wide && pairs > 1 ? pairs * 2 - 1 : undefined}>
                      {c.td}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <footer className="doc-footer">
        <div>
          {doc.footer.map((l, i) => (
            <p key={i}>{segments(l)}</p>
          ))}
          {doc.sign && (
            <p className="doc-sign" data-testid="applicant-sign">
              {segments(doc.sign)}
            </p>
          )}
        </div>
        {qr && doc.qr && (
          <figure>
            <img src={qr} alt={doc.qr.link.includes('/status/') ? '办件进度二维码' : '代办件二维码'} width={qrSize} height={qrSize} data-href={doc.qr.link} />
            <figcaption>{doc.qr.caption}</figcaption>
          </figure>
        )}
      </footer>
    </article>
  );
}
