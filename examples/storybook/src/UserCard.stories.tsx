import type { Meta, StoryObj } from '@storybook/react-vite'
import type { PostmanParameters } from '../.storybook/postman.js'
import { UserCard } from './UserCard.js'

const meta = { title: 'UserCard', component: UserCard } satisfies Meta<typeof UserCard>
export default meta

type Story = StoryObj<typeof meta> & { parameters?: { postman?: PostmanParameters } }

/** The collection's default answer: "Get user OK" (200). */
export const SignedIn: Story = {}

/** `x-mock-response-code: 401`, chosen from the story: the "Unauthorized" example. */
export const Unauthorized: Story = { parameters: { postman: { use: { code: 401 } } } }

/** By example name, for one request of the collection. */
export const UnauthorizedByName: Story = {
  parameters: { postman: { use: { request: 'Get user', example: 'Unauthorized' } } },
}
