// A reply draft (an FAQ answer, a "where is my order" reply) is the
// seller's to edit before approving: subject and text, saved as plain text.
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api';
import { draftsApi } from '../../api/tasks';

export function DraftEditor({ id, subject, text, onSaved }: { id: number; subject: string; text: string; onSaved: () => void }) {
  const [s, setS] = useState(subject);
  const [t, setT] = useState(text);
  const save = useMutation({
    mutationFn: () => draftsApi.edit(id, s, t),
    onSuccess: () => {
      notifySuccess('Draft saved: approve it when it reads right');
      onSaved();
    },
    onError: (e) => notifyError(e, 'Draft not saved'),
  });
  const changed = s !== subject || t !== text;
  return (
    <Stack gap="xs" data-testid="draft-editor">
      <TextInput label="Subject" value={s} onChange={(e) => setS(e.currentTarget.value)} data-testid="draft-subject" />
      <Textarea label="Reply" autosize minRows={6} value={t} onChange={(e) => setT(e.currentTarget.value)} data-testid="draft-text" />
      <Group>
        <Button variant="default" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()} data-testid="draft-save">
          Save the draft
        </Button>
      </Group>
    </Stack>
  );
}
