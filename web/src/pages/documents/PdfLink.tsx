import { Button, message } from 'antd';
import { useState } from 'react';
import { download, errorText } from '../../shell/api.ts';

/** Downloads the server's PDF of a document (the same text as the page, drawn without a browser). */
export function PdfLink({ path, name }: { path: string; name: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      data-testid="download-pdf"
      onClick={() => {
        setBusy(true);
        download(path, name)
          .catch((e: unknown) => message.error(errorText(e)))
          .finally(() => setBusy(false));
      }}
    >
      下载 PDF
    </Button>
  );
}
