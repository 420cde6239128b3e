export function generateCatalogue(size: number): any;
export function generatePlan(
  catalogue: any,
  size: number,
  residency?: 'local' | 'non-local',
): {
  catalogue: string;
  residency: 'local' | 'non-local';
  mode: string;
  fellowship: boolean;
  subjects: string[];
};
