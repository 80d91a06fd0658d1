import { Agency, CreateAgency, UpdateAgency } from '@marac/shared';
import { crudRoutes } from '../crud-routes';
import { createAgency, listAgencies, updateAgency } from './repository';

export default crudRoutes({
  entity: 'agency',
  noun: 'agencies',
  item: Agency,
  create: CreateAgency,
  update: UpdateAgency,
  list: listAgencies,
  insert: createAgency,
  change: updateAgency,
});
