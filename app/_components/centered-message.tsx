/** Full-page message card for states outside the normal areas: 403, not found, unusable account. */
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

export function CenteredMessage({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <div className="flex min-h-screen items-center justify-center p-6">
      <Card className="flex w-full max-w-lg flex-col gap-4" data-test={testId}>
        <h1 className="text-xl font-bold">{title}</h1>
        {children}
      </Card>
    </div>
  );
}
