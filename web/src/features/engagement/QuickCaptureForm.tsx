import { Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { t } from '../../messages';
import { InteractionForm } from './InteractionForm';
import { parseId } from './labels';

/** The quick-capture dialog's content: the log form, starting with the stakeholder being viewed. */
export default function QuickCaptureForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { pathname } = useLocation();
  // On a stakeholder's page, that stakeholder is the likely one (the form takes it once).
  const stakeholderId = parseId(/^\/stakeholders\/(\d+)/.exec(pathname)?.[1]);
  return (
    <>
      <InteractionForm quick prefillStakeholderId={stakeholderId} onSaved={onDone} onCancel={onCancel} />
      <Text fz="xs" c="dimmed" mt="sm">
        <Anchor component={Link} to="/engagement/interactions/new" onClick={onCancel} fz="xs">
          {t('engagement.quick.fullForm')}
        </Anchor>
      </Text>
    </>
  );
}
